package dev.corral;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.theme.lumo.Lumo;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Corral: a web console for fleets of virtual machines. */
@SpringBootApplication
@ConfigurationPropertiesScan
@org.springframework.scheduling.annotation.EnableScheduling
@com.vaadin.flow.component.page.Push
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles/corral.css")
public class CorralApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        SpringApplication.run(CorralApplication.class, args);
    }
}
