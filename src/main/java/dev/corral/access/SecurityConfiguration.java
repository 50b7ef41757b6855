package dev.corral.access;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import dev.corral.access.ui.LoginView;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import dev.corral.access.token.ApiTokens;
import dev.corral.access.token.BearerTokenFilter;
import java.time.Clock;

/**
 * Two ways in, one directory: the console signs in through the login view and keeps a session;
 * the API ({@code /api/**}) takes HTTP Basic on every call, keeps no session and needs no CSRF
 * token. Both go through the same throttled directory provider.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    @Bean
    AuthenticationManager authenticationManager(AuthenticationProvider directoryAuthenticationProvider,
            SignInThrottle throttle, dev.corral.access.audit.AuditTrail audit) {
        ProviderManager manager = new ProviderManager(
                new ThrottledAuthenticationProvider(directoryAuthenticationProvider, throttle, audit));
        manager.setEraseCredentialsAfterAuthentication(true);
        return manager;
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, AuthenticationManager authenticationManager, ApiTokens tokens,
            PrincipalDirectory directory, Clock clock) throws Exception {
        ApiAuthenticationEntryPoint entryPoint = new ApiAuthenticationEntryPoint();
        return http
                .securityMatcher("/api/**")
                .authenticationManager(authenticationManager)
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .httpBasic(basic -> basic.realmName("Corral").authenticationEntryPoint(entryPoint))
                .addFilterBefore(new BearerTokenFilter(tokens, directory, clock), BasicAuthenticationFilter.class)
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(new ApiAccessDeniedHandler()))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain consoleSecurity(HttpSecurity http, AuthenticationManager authenticationManager) throws Exception {
        http.authenticationManager(authenticationManager);
        // The console's own stylesheets style the sign-in page too.
        http.authorizeHttpRequests(requests -> requests.requestMatchers("/styles/**").permitAll());
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class))
                .build();
    }
}
