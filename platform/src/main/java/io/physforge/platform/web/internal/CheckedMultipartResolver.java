package io.physforge.platform.web.internal;

import java.util.List;

import io.physforge.platform.problem.ProblemException;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.multipart.support.StandardServletMultipartResolver;

/**
 * The container's multipart parsing, plus a check of every uploaded file's name: a name
 * holding a control character (NUL, CR, LF, ...) is a 400 {@code invalid-file-name}
 * before any controller sees it. Broken bodies and missing boundaries fail in the parser
 * and are answered 400 by the problem advice.
 */
public class CheckedMultipartResolver extends StandardServletMultipartResolver {

	@Override
	public MultipartHttpServletRequest resolveMultipart(HttpServletRequest request) {
		MultipartHttpServletRequest multipart = super.resolveMultipart(request);
		for (List<MultipartFile> files : multipart.getMultiFileMap().values()) {
			for (MultipartFile file : files) {
				check(file.getOriginalFilename());
			}
		}
		return multipart;
	}

	private static void check(String name) {
		if (name == null) {
			return;
		}
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (c < 0x20 || c == 0x7f) {
				throw ProblemException.badRequest("invalid-file-name",
						"The uploaded file's name holds a control character (code " + (int) c
								+ "); rename the file and upload it again.");
			}
		}
	}

}
