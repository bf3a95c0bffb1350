package io.physforge.discovery.equation;

import java.util.UUID;

import io.physforge.discovery.run.internal.RunRepository;
import io.physforge.platform.problem.ProblemException;
import io.physforge.platform.security.CurrentUser;
import io.physforge.platform.web.Paging;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/discovery/equations}: the caller's discovered equations (an ADMIN sees
 * everyone's); another user's equation answers 404.
 */
@RestController
@RequestMapping("/api/discovery/equations")
public class EquationController {

	private final RunRepository runs;

	public EquationController(RunRepository runs) {
		this.runs = runs;
	}

	/**
	 * The caller's equations, newest run first.
	 * @param page page from 0
	 * @param size page size, 1 to 100
	 * @return the page
	 */
	@GetMapping
	public EquationPage list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		Paging paging = Paging.of(page, size);
		CurrentUser user = CurrentUser.get();
		String owner = user.isAdmin() ? null : user.id();
		long total = this.runs.countEquations(owner);
		return new EquationPage(
				this.runs.equations(owner, paging.offset(), paging.size()).stream().map(EquationView::of).toList(),
				page, size, total, paging.pages(total));
	}

	/**
	 * One equation.
	 * @param id the equation id
	 * @return the equation
	 */
	@GetMapping("/{id}")
	public EquationView show(@PathVariable UUID id) {
		CurrentUser user = CurrentUser.get();
		return this.runs.equation(id)
			.filter((row) -> user.canAccess(row.ownerId()))
			.map(EquationView::of)
			.orElseThrow(() -> ProblemException.notFound("equation", id));
	}

}
