package io.physforge.data.preview;

import java.util.Map;
import java.util.UUID;

import io.physforge.platform.security.CurrentUser;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/data/datasets/{id}/preview?field=u&maxPoints=10000[&t=index]}: a
 * down-sampled slice of one field as JSON.
 */
@RestController
public class PreviewController {

	private final Previews previews;

	public PreviewController(Previews previews) {
		this.previews = previews;
	}

	/**
	 * @param id data set id
	 * @param field field name, the first when absent
	 * @param maxPoints most values to return
	 * @param params all query parameters; {@code t}, {@code x}, ... fix the index of axes
	 * that are not plotted (grids of rank 3 or more)
	 * @return the preview
	 */
	@GetMapping("/api/data/datasets/{id}/preview")
	public Preview preview(@PathVariable("id") UUID id, @RequestParam(name = "field", required = false) String field,
			@RequestParam(name = "maxPoints", defaultValue = "10000") int maxPoints,
			@RequestParam Map<String, String> params) {
		return this.previews.preview(CurrentUser.get(), id, field, maxPoints, params);
	}

}
