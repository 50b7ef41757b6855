package dev.corral.access.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import dev.corral.access.audit.AuditEvent.Outcome;
import dev.corral.access.audit.AuditFilter;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.function.Consumer;

/** The audit view's filters: a time range (UTC), principal, object and outcome; Apply and Clear. */
class AuditFilterBar extends HorizontalLayout {

    private final DateTimePicker from = new DateTimePicker("From (UTC)");
    private final DateTimePicker to = new DateTimePicker("To (UTC)");
    private final TextField principal = new TextField("Principal");
    private final TextField object = new TextField("Object");
    private final Select<Outcome> outcome = new Select<>();
    private final Consumer<AuditFilter> onApply;

    AuditFilterBar(Consumer<AuditFilter> onApply) {
        this.onApply = onApply;
        addClassName("corral-audit-filters");
        setAlignItems(FlexComponent.Alignment.BASELINE);
        setWrap(true);
        principal.setPlaceholder("user name");
        principal.setClearButtonVisible(true);
        object.setPlaceholder("id or name");
        object.setTooltipText("An object id exactly, or part of an object's name");
        object.setClearButtonVisible(true);
        outcome.setLabel("Outcome");
        outcome.setItems(Outcome.values());
        outcome.setEmptySelectionAllowed(true);
        outcome.setEmptySelectionCaption("Any");
        outcome.setItemLabelGenerator(o -> o == null ? "Any" : AuditOutcomes.label(o.name()));
        Button apply = new Button("Apply", VaadinIcon.FILTER.create(), click -> apply());
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        apply.addClickShortcut(Key.ENTER).listenOn(this);
        Button clear = new Button("Clear", click -> clear());
        clear.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        add(from, to, principal, object, outcome, apply, clear);
    }

    private void apply() {
        Instant start = utc(from.getValue());
        Instant end = utc(to.getValue());
        if (start != null && end != null && !end.isAfter(start)) {
            to.setErrorMessage("Pick a time after the start of the range.");
            to.setInvalid(true);
            return;
        }
        to.setInvalid(false);
        onApply.accept(new AuditFilter(start, end, principal.getValue(), object.getValue(), outcome.getValue()));
    }

    private void clear() {
        from.clear();
        to.clear();
        to.setInvalid(false);
        principal.clear();
        object.clear();
        outcome.clear();
        onApply.accept(AuditFilter.none());
    }

    private static Instant utc(LocalDateTime value) {
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }
}
