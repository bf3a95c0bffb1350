package io.physforge.platform.sample;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.physforge.platform.problem.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Sample service with one endpoint per behaviour under test.
 */
@SpringBootApplication
public class SampleApplication {

	record Sample(@NotBlank String name, @Email String email, @Positive int size) {
	}

	record Ref(UUID datasetId, String note) {
	}

	@RestController
	static class SampleController {

		@GetMapping("/api/sample/public/ping")
		Map<String, String> ping() {
			return Map.of("pong", "yes");
		}

		@GetMapping("/api/sample/admin")
		@PreAuthorize("hasRole('ADMIN')")
		Map<String, String> admin() {
			return Map.of("admin", "yes");
		}

		@PostMapping("/api/sample/items")
		Sample create(@Valid @RequestBody Sample sample) {
			return sample;
		}

		@GetMapping("/api/sample/items")
		List<String> list(@RequestParam @Max(100) int size) {
			return List.of("a".repeat(size));
		}

		@PostMapping("/api/sample/refs")
		Ref ref(@RequestBody Ref ref) {
			return ref;
		}

		@PostMapping("/api/sample/uploads")
		Map<String, Object> upload(@RequestPart("file") MultipartFile file) {
			return Map.of("name", String.valueOf(file.getOriginalFilename()), "size", file.getSize());
		}

		/** A list that trusts its page: {@code page * size} overflows an int. */
		@GetMapping("/api/sample/pages")
		Map<String, Integer> pages(@RequestParam(defaultValue = "0") int page,
				@RequestParam(defaultValue = "20") int size) {
			return Map.of("offset", page * size);
		}

		@GetMapping("/api/sample/conflict")
		void conflict() {
			throw new ProblemException(HttpStatus.CONFLICT, "sample-busy", "Sample busy", "The sample is busy.")
				.with("sampleId", "s-1");
		}

		@GetMapping("/api/sample/boom")
		void boom() {
			throw new IllegalStateException("secret internal state 42");
		}

	}

}
