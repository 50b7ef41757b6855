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
 * the API ({@code /api/**}) takes HTTP Basic or a token on every call and keeps no session. It
 * needs no CSRF token: instead, state-changing calls from another site's pages are refused by their
 * Origin, and a 401 never challenges a browser to Basic (which it would prompt for and then send
 * along with other sites' requests). Both go through the same throttled directory provider.
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
            PrincipalDirectory directory, Clock clock, dev.corral.access.audit.AuditTrail audit, ApiProperties api)
            throws Exception {
        ApiAuthenticationEntryPoint entryPoint = new ApiAuthenticationEntryPoint();
        return http
                .securityMatcher("/api/**")
                .authenticationManager(authenticationManager)
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .httpBasic(basic -> basic.realmName("Corral").authenticationEntryPoint(entryPoint))
                .addFilterBefore(new BearerTokenFilter(tokens, directory, clock, audit), BasicAuthenticationFilter.class)
                // Before any sign-in: a page of another site gets nothing changed, and no sign-in attempt counted.
                .addFilterBefore(new CrossSiteRequestFilter(api), BearerTokenFilter.class)
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(new ApiAccessDeniedHandler()))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable()) // see CrossSiteRequestFilter
                .requestCache(cache -> cache.disable())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain consoleSecurity(HttpSecurity http, AuthenticationManager authenticationManager) throws Exception {
        http.authenticationManager(authenticationManager);
        // The console's own stylesheets style the sign-in page too. /console/** is the VM console's
        // public script (noVNC) and its WebSocket, whose handshake takes a one-time ticket instead of a session.
        http.authorizeHttpRequests(requests -> requests.requestMatchers("/styles/**", "/console/**").permitAll());
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class))
                .build();
    }
}
