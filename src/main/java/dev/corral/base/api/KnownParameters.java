package dev.corral.base.api;

import dev.corral.base.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A query parameter the operation does not take is refused (400, naming it and the ones it
 * takes), not ignored: {@code GET /api/v1/vms?hostId=…} would otherwise list every VM, and a
 * script acting on "the VMs of this host" would act on all of them. The known names are the
 * operation's own {@code @RequestParam}s.
 */
@Configuration(proxyBeanMethods = false)
class KnownParameters implements WebMvcConfigurer, HandlerInterceptor {

    private final Map<java.lang.reflect.Method, Set<String>> known = new ConcurrentHashMap<>();

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        Set<String> names = known.computeIfAbsent(method.getMethod(), m -> namesOf(method));
        if (names == null) {
            return true;
        }
        for (String name : request.getParameterMap().keySet()) {
            if (!names.contains(name)) {
                String given = ApiExceptionHandler.shortened(name);
                throw new InvalidInputException(given, names.isEmpty()
                        ? "This operation takes no query parameters; " + given + " is not one."
                        : "There is no query parameter " + given + " here; the parameters are "
                                + String.join(", ", names) + ".");
            }
        }
        return true;
    }

    /** The operation's query parameters, sorted; null where it takes any (a map of them). */
    private static Set<String> namesOf(HandlerMethod method) {
        Set<String> names = new TreeSet<>();
        for (MethodParameter parameter : method.getMethodParameters()) {
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            if (param == null) {
                continue;
            }
            if (Map.class.isAssignableFrom(parameter.getParameterType())) {
                return null;
            }
            String name = !param.name().isEmpty() ? param.name() : !param.value().isEmpty() ? param.value()
                    : parameter.getParameterName();
            names.add(name);
        }
        return names;
    }
}
