package dev.corral.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/**
 * A view whose feature has not been built yet. It says what the view is for and, plainly, that
 * it is not there yet, rather than showing controls that do nothing.
 */
public abstract class PlannedView extends VerticalLayout {

    protected PlannedView(String title, String purpose, String comesWith) {
        addClassName("corral-view");
        H2 heading = new H2(title);
        Paragraph what = new Paragraph(purpose);
        Div notice = new Div(VaadinIcon.TOOLS.create(),
                new Paragraph("Not built yet: this view arrives with " + comesWith
                        + ". Nothing here acts on your hosts or VMs until then."));
        notice.addClassName("corral-planned");
        add(heading, what, notice);
    }
}
