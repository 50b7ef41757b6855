package dev.corral.console.ui;

import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.html.Div;
import java.util.function.Consumer;

/**
 * The VM's screen: a noVNC client (frontend/console/corral-console.js) drawing into this element.
 * The script is served as it is under /console/, so it is imported at run time, not bundled.
 */
class ConsoleScreen extends Div {

    private static final String MODULE = "import(new URL('console/corral-console.js', document.baseURI).href)";

    private Runnable onConnected = () -> { };
    private Consumer<Boolean> onDisconnected = clean -> { };
    private Consumer<Boolean> onKeyboard = captured -> { };
    private Runnable onFullscreenRefused = () -> { };

    ConsoleScreen() {
        addClassName("corral-console-screen");
        getElement().setAttribute("data-state", "connecting");
    }

    void connect(String path) {
        getElement().executeJs(MODULE + ".then(m => m.attach(this, $0))", path);
    }

    void disconnect() {
        getElement().executeJs(MODULE + ".then(m => m.detach(this))");
    }

    void ctrlAltDel() {
        call("this.corralConsole.ctrlAltDel()");
    }

    void type(String text) {
        getElement().executeJs("this.corralConsole && this.corralConsole.type($0)", text);
    }

    void fullscreen() {
        call("this.corralConsole.fullscreen()");
    }

    void scale(boolean fit) {
        getElement().executeJs("this.dataset.scale = $0 ? 'fit' : 'actual'; this.corralConsole && this.corralConsole.scale($0)", fit);
    }

    /** The clipboard's text, or null where the browser refuses to give it. */
    void clipboard(Consumer<String> text) {
        getElement().executeJs("return this.corralConsole ? this.corralConsole.clipboard() : null")
                .then(String.class, text::accept, error -> text.accept(null));
    }

    private void call(String js) {
        getElement().executeJs("this.corralConsole && " + js);
    }

    void onConnected(Runnable listener) {
        onConnected = listener;
    }

    void onDisconnected(Consumer<Boolean> listener) {
        onDisconnected = listener;
    }

    void onKeyboard(Consumer<Boolean> listener) {
        onKeyboard = listener;
    }

    void onFullscreenRefused(Runnable listener) {
        onFullscreenRefused = listener;
    }

    @ClientCallable
    private void connected() {
        onConnected.run();
    }

    @ClientCallable
    private void disconnected(boolean clean) {
        onDisconnected.accept(clean);
    }

    @ClientCallable
    private void keyboard(boolean captured) {
        onKeyboard.accept(captured);
    }

    @ClientCallable
    private void fullscreenRefused() {
        onFullscreenRefused.run();
    }
}
