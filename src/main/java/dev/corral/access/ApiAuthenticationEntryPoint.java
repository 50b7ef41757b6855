package dev.corral.access;

import dev.corral.base.api.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * 401 (or 503 when the directory is down) as problem+json, for API callers. The challenge names
 * Bearer, not Basic: a Basic challenge makes a browser prompt, then send the credentials with
 * every request to Corral, including those another site's page makes. Scripts send Basic credentials
 * without waiting to be challenged.
 */
class ApiAuthenticationEntryPoint implements AuthenticationEntryPoint {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        ProblemDetail problem = switch (exception) {
            case DirectoryUnavailableException unavailable -> Problems.of(HttpStatus.SERVICE_UNAVAILABLE,
                    "directory-unavailable", "Directory unavailable", unavailable.getMessage());
            case LockedException locked -> Problems.of(HttpStatus.UNAUTHORIZED,
                    "sign-in-locked", "Sign-in locked", locked.getMessage());
            case DisabledException disabled -> Problems.of(HttpStatus.UNAUTHORIZED,
                    "account-disabled", "Account disabled", disabled.getMessage());
            case null, default -> Problems.of(HttpStatus.UNAUTHORIZED, "unauthenticated", "Unauthenticated",
                    request.getHeader(HttpHeaders.AUTHORIZATION) == null
                            ? "This API needs credentials: HTTP Basic with your directory user name and password."
                            : "Wrong user name or password.");
        };
        if (problem.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"Corral\"");
        }
        Problems.write(response, problem);
    }
}
