package dev.corral.console;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

/** {@code /console/ws}: the one WebSocket of the VM console. Its handshake decides who gets in, Origin included. */
@Configuration
@EnableWebSocket
class ConsoleWebSocketConfiguration implements WebSocketConfigurer {

    static final String PATH = "/console/ws";

    private final ConsoleRelay relay;
    private final ConsoleHandshake handshake;

    ConsoleWebSocketConfiguration(ConsoleRelay relay, ConsoleHandshake handshake) {
        this.relay = relay;
        this.handshake = handshake;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        // Origins are checked (and refusals audited) by ConsoleHandshake, not by Spring's own check.
        registry.addHandler(relay, PATH).addInterceptors(handshake).setAllowedOriginPatterns("*");
    }
}
