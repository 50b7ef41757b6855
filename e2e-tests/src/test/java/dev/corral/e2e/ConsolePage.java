package dev.corral.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import java.util.List;

/** The VM console page, as a user reads it; the screen's pixels as the canvas holds them. */
final class ConsolePage {

    private final Page page;

    ConsolePage(Page page) {
        this.page = page;
    }

    Locator screen() {
        return page.locator(".corral-console-screen");
    }

    Locator canvas() {
        return page.locator(".corral-console-screen canvas");
    }

    Locator status() {
        return page.locator(".corral-console-status");
    }

    Locator button(String label) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(label).setExact(true));
    }

    /** The framebuffer's pixel at (x, y) as 0xRRGGBB, whatever the scaling. */
    int pixel(int x, int y) {
        @SuppressWarnings("unchecked")
        List<Number> rgb = (List<Number>) canvas().evaluate("(c, p) => Array.from(c.getContext('2d').getImageData(p[0], p[1], 1, 1).data)",
                List.of(x, y));
        return rgb.get(0).intValue() << 16 | rgb.get(1).intValue() << 8 | rgb.get(2).intValue();
    }

    /** Clicks where the framebuffer's point (x, y) is shown, the canvas scaled as it is. */
    void clickAt(int x, int y) {
        BoundingBox box = canvas().boundingBox();
        Number width = (Number) canvas().evaluate("c => c.width");
        Number height = (Number) canvas().evaluate("c => c.height");
        page.mouse().click(box.x + (x + 0.5) * box.width / width.doubleValue(), box.y + (y + 0.5) * box.height / height.doubleValue());
    }

    /** The canvas's drawn size over its framebuffer size: below 1 where it is scaled down to fit. */
    double scale() {
        BoundingBox box = canvas().boundingBox();
        return box.width / ((Number) canvas().evaluate("c => c.width")).doubleValue();
    }

    /** How many of the framebuffer's pixels are not black: 0 while the screen is blank. */
    int litPixels() {
        return ((Number) canvas().evaluate("c => { const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; "
                + "let lit = 0; for (let i = 0; i < d.length; i += 4) { if (d[i] > 16 || d[i + 1] > 16 || d[i + 2] > 16) lit++; } "
                + "return lit; }")).intValue();
    }
}
