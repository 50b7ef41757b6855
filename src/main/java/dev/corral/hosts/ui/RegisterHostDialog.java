package dev.corral.hosts.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import dev.corral.access.NotPermittedException;
import dev.corral.base.InvalidInputException;
import dev.corral.hosts.HostAdministration;
import dev.corral.hosts.HostGroupSummary;
import dev.corral.hosts.HostSummary;
import dev.corral.hosts.NewHost;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Registers a host. Corral connects to it before saving, which may take a while for a remote
 * host, so the dialog says "Connecting…" first and registers in the next round trip; refusals
 * appear at their field and nothing typed is lost.
 */
class RegisterHostDialog extends Dialog {

    private final TextField name = new TextField("Name");
    private final TextField uri = new TextField("Engine URI");
    private final ComboBox<HostGroupSummary> group = new ComboBox<>("Host group");
    private final ComboBox<String> edition = new ComboBox<>("Windows edition");
    private final IntegerField licences = new IntegerField("Licence count");
    private final TextField cluster = new TextField("Cluster");
    private final Paragraph error = new Paragraph();
    private final Button register = new Button("Register");
    private final HostAdministration administration;
    private final Consumer<HostSummary> registered;

    RegisterHostDialog(HostAdministration administration, List<HostGroupSummary> groups, HostGroupSummary preselected,
            Consumer<HostSummary> registered) {
        this.administration = administration;
        this.registered = registered;
        setHeaderTitle("Register a host");
        uri.setPlaceholder("e.g. qemu+ssh://root@hv03/system or sim://hq-hv01");
        uri.setHelperText("Corral connects to the host to check it answers.");
        group.setItems(groups);
        group.setItemLabelGenerator(HostGroupSummary::path);
        if (preselected != null && groups.contains(preselected)) {
            group.setValue(preselected);
        } else if (groups.size() == 1) {
            group.setValue(groups.getFirst());
        }
        edition.setItems(administration.editionNames());
        edition.setPlaceholder("none (not a Windows host)");
        edition.setClearButtonVisible(true);
        licences.setMin(1);
        licences.setStepButtonsVisible(true);
        cluster.setPlaceholder("optional");
        group.addValueChangeListener(change -> licensingFor(change.getValue()));
        licensingFor(group.getValue());
        List.of(name, uri).forEach(f -> f.setRequiredIndicatorVisible(true));
        group.setRequiredIndicatorVisible(true);
        error.addClassName("corral-form-error");
        FormLayout form = new FormLayout(name, uri, group, edition, licences, cluster);
        form.setColspan(uri, 2);
        add(form, error);
        register.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        register.addClickListener(click -> connecting());
        getFooter().add(new Button("Cancel", click -> close()), register);
        setWidth("40rem");
    }

    /** Shows that Corral is connecting, then registers once the browser has drawn that. */
    private void connecting() {
        fields().values().forEach(f -> f.setInvalid(false));
        error.setText("");
        register.setEnabled(false);
        register.setText("Connecting…");
        getElement().executeJs("return 0").then(Integer.class, drawn -> register(), failed -> ready());
    }

    private void register() {
        try {
            HostSummary host = administration.register(new NewHost(name.getValue(), uri.getValue(),
                    group.getValue() == null ? null : group.getValue().id(), edition.getValue(), licences.getValue(),
                    cluster.getValue()));
            Notification.show("Registered host " + host.name() + ".", 4000, Notification.Position.BOTTOM_END)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            close();
            registered.accept(host);
        } catch (InvalidInputException e) {
            HasValidation field = fields().get(e.field());
            if (field == null) {
                error.setText(e.getMessage());
            } else {
                field.setErrorMessage(e.getMessage());
                field.setInvalid(true);
            }
        } catch (NotPermittedException e) {
            error.setText(e.getMessage());
        } finally {
            ready();
        }
    }

    /** A courtesy: the service refuses an edition or licence count without licensing.manage in the group. */
    private void licensingFor(HostGroupSummary chosen) {
        boolean may = chosen == null || administration.mayLicenseInGroup(chosen.id());
        String why = may ? null : "Your roles do not include licensing.manage in host group " + chosen.path() + ".";
        edition.setEnabled(may);
        licences.setEnabled(may);
        edition.setHelperText(why);
        licences.setHelperText(why);
        if (!may) {
            edition.clear();
            licences.clear();
        }
    }

    private void ready() {
        register.setText("Register");
        register.setEnabled(true);
    }

    private Map<String, HasValidation> fields() {
        return Map.of("name", name, "uri", uri, "hostGroupId", group, "edition", edition, "licenceCount", licences,
                "cluster", cluster);
    }
}
