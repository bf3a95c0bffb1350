package io.physforge.platform.web.internal;

import java.math.BigInteger;
import java.util.regex.Pattern;

import io.physforge.platform.web.Paging;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Checks the {@code page} query parameter of every list read before the controller runs,
 * whatever its own checks: a page over {@link Paging#MAX_PAGE} (where {@code page * size}
 * could overflow) is a 400 {@code invalid-page} naming the allowed range. Negative pages
 * and values that are not integers are left to the controller's own checks and binding
 * (400 too), so their problems keep listing every offending parameter.
 */
public class PageParameterCheck implements HandlerInterceptor {

	private static final Pattern INTEGER = Pattern.compile("[-+]?\\d{1,40}");

	private static final BigInteger MAX = BigInteger.valueOf(Paging.MAX_PAGE);

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!(handler instanceof HandlerMethod) || !"GET".equals(request.getMethod())) {
			return true;
		}
		String page = request.getParameter("page");
		if (page != null && INTEGER.matcher(page.trim()).matches()) {
			BigInteger value = new BigInteger(page.trim());
			if (value.compareTo(MAX) > 0) {
				throw Paging.invalidPage(value.toString());
			}
		}
		return true;
	}

}
