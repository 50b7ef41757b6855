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

    /**
     * Vaadin 25.3's grid tooltip generator reads {@code item.gridtooltips} without checking that
     * there is an item, so pointing at a header or at a row not loaded yet throws in the browser.
     * Until Vaadin checks it again, tooltips guard their generator: no item, no tooltip.
     */
    static final String TOOLTIP_GUARD = """
            customElements.whenDefined('vaadin-tooltip').then(() => {
              let owner = customElements.get('vaadin-tooltip').prototype, found;
              while (owner && !(found = Object.getOwnPropertyDescriptor(owner, 'generator'))) {
                owner = Object.getPrototypeOf(owner);
              }
              if (!found || !found.set) { return; }
              Object.defineProperty(owner, 'generator', { configurable: true, enumerable: found.enumerable, get: found.get,
                set(generator) {
                  const grids = typeof generator === 'function' && String(generator).includes('gridtooltips');
                  const guarded = !grids ? generator : (context) => context && context.item ? generator(context) : '';
                  found.set.call(this, guarded);
                } });
            });
            """;

    public static void main(String[] args) {
        SpringApplication.run(CorralApplication.class, args);
    }

    @Override
    public void configurePage(com.vaadin.flow.server.AppShellSettings settings) {
        settings.addFavIcon("icon", "styles/corral-icon.svg", "any");
        settings.addInlineWithContents(com.vaadin.flow.component.page.Inline.Position.APPEND, TOOLTIP_GUARD,
                com.vaadin.flow.component.page.Inline.Wrapping.JAVASCRIPT);
    }
}
