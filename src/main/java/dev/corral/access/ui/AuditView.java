package dev.corral.access.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.corral.access.NotPermittedException;
import dev.corral.access.audit.AuditFilter;
import dev.corral.access.audit.AuditQueries;
import dev.corral.access.audit.ChainVerification;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.util.Locale;
import org.springframework.data.domain.PageRequest;

/**
 * The audit trail: filters, one page of records at a time read lazily from the database, and a
 * check of the hash chain. Who may not read the trail is told so, in a sentence.
 */
@Route("audit")
@PageTitle("Audit · Corral")
@PermitAll
class AuditView extends VerticalLayout {

    static final int PAGE_SIZE = 50;

    private final AuditQueries queries;
    private final AuditFilterBar filters = new AuditFilterBar(this::applyFilter);
    private final AuditGrid grid;
    private final Span countLine = new Span();
    private final Button newer = new Button(VaadinIcon.ANGLE_LEFT.create(), click -> showPage(this.pageIndex - 1));
    private final Button older = new Button(VaadinIcon.ANGLE_RIGHT.create(), click -> showPage(this.pageIndex + 1));
    private final Button verify = new Button("Verify chain", VaadinIcon.CHECK_CIRCLE_O.create(), click -> verify());
    private final Div verification = new Div();
    private final Div emptyState = new Div();
    private final HorizontalLayout pager;
    private AuditFilter filter = AuditFilter.none();
    private int pageIndex;
    private long total;

    AuditView(AuditQueries queries, Clock clock) {
        this.queries = queries;
        this.grid = new AuditGrid(clock);
        addClassNames("corral-view", "corral-audit");
        setSizeFull();
        newer.setAriaLabel("Newer records");
        newer.setTooltipText("Newer records");
        older.setAriaLabel("Older records");
        older.setTooltipText("Older records");
        countLine.addClassName("corral-audit-count");
        pager = new HorizontalLayout(countLine, newer, older);
        pager.setAlignItems(FlexComponent.Alignment.CENTER);
        pager.addClassName("corral-audit-pager");
        verification.addClassName("corral-audit-verification");
        verification.setVisible(false);
        emptyState.addClassName("corral-audit-empty");
        add(header(), filters, verification, pager, grid, emptyState);
        setFlexGrow(1, grid);
        showPage(0);
    }

    private HorizontalLayout header() {
        verify.setTooltipText("Recompute every record's hash and check that each follows the one before");
        HorizontalLayout header = new HorizontalLayout(new H2("Audit"), verify);
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        header.addClassName("corral-audit-header");
        return header;
    }

    private void applyFilter(AuditFilter newFilter) {
        filter = newFilter;
        showPage(0);
    }

    private void showPage(int index) {
        try {
            total = queries.count(filter);
        } catch (NotPermittedException refused) {
            showRefusal(refused);
            return;
        }
        int lastPage = (int) Math.max(0, (total - 1) / PAGE_SIZE);
        pageIndex = Math.clamp(index, 0, lastPage);
        grid.setItems(query -> queries.slice(filter, PageRequest.of(pageIndex, PAGE_SIZE)).stream()
                .skip(query.getOffset()).limit(query.getLimit()), query -> rowsOnPage());
        countLine.setText(total == 0 ? "No records"
                : count(pageIndex * (long) PAGE_SIZE + 1) + "–" + count(pageIndex * (long) PAGE_SIZE + rowsOnPage())
                        + " of " + count(total));
        newer.setEnabled(pageIndex > 0);
        older.setEnabled(pageIndex < lastPage);
        grid.setVisible(total > 0);
        pager.setVisible(total > 0);
        emptyState.setVisible(total == 0);
        fillEmptyState();
    }

    private int rowsOnPage() {
        return (int) Math.clamp(total - pageIndex * (long) PAGE_SIZE, 0, PAGE_SIZE);
    }

    private void fillEmptyState() {
        emptyState.removeAll();
        if (filter.isEmpty()) {
            emptyState.add(VaadinIcon.CLIPBOARD_TEXT.create(), new H3("Nothing recorded yet"),
                    new Paragraph("The audit trail records every change and every refused attempt, from the console "
                            + "and the API: who acted, from which address, what they did to which object, and how it "
                            + "ended. Each record is chained to the one before by a hash, so any later alteration "
                            + "shows when you verify the chain."));
        } else {
            emptyState.add(VaadinIcon.SEARCH.create(), new H3("No records match these filters"),
                    new Paragraph("Widen the time range or clear the filters to see the whole trail."));
        }
    }

    private void verify() {
        ChainVerification result;
        try {
            result = queries.verify();
        } catch (NotPermittedException refused) {
            showRefusal(refused);
            return;
        }
        verification.removeAll();
        verification.removeClassNames("corral-audit-intact", "corral-audit-altered");
        verification.addClassName(result.intact() ? "corral-audit-intact" : "corral-audit-altered");
        verification.add((result.intact() ? VaadinIcon.CHECK_CIRCLE : VaadinIcon.WARNING).create(),
                new Span(result.message()));
        verification.setVisible(true);
        Notification notification = Notification.show(result.message(), 5_000, Notification.Position.BOTTOM_END);
        notification.addThemeVariants(result.intact() ? NotificationVariant.LUMO_SUCCESS : NotificationVariant.LUMO_ERROR);
    }

    private void showRefusal(NotPermittedException refused) {
        removeAll();
        Div refusal = new Div(VaadinIcon.LOCK.create(),
                new Paragraph("You cannot read the audit trail. " + refused.getMessage()));
        refusal.addClassName("corral-audit-refused");
        add(new H2("Audit"), refusal);
    }

    private static String count(long n) {
        return String.format(Locale.ENGLISH, "%,d", n);
    }
}
