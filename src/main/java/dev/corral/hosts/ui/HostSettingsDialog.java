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
import dev.corral.base.NotFoundException;
import dev.corral.hosts.EditionCatalog;
import dev.corral.hosts.HostAdministration;
import dev.corral.hosts.HostChange;
import dev.corral.hosts.HostGroupSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Changes what an administrator says about a host: its Windows edition (one of the editions
 * table, or none), its licence count, its cluster and its host group. Refusals appear at their
 * field and nothing chosen is lost.
 */
class HostSettingsDialog extends Dialog {

    private final ComboBox<String> edition = new ComboBox<>("Windows edition");
    private final IntegerField licences = new IntegerField("Licence count");
    private final TextField cluster = new TextField("Cluster");
    private final ComboBox<HostGroupSummary> group = new ComboBox<>("Host group");
    private final Paragraph error = new Paragraph();
    private final HostAdministration administration;
    private final UUID hostId;
    private final String hostName;
    private final Runnable saved;

    /**
     * @param editions the editions table's names; an edition the host records that is not among them
     *                 is offered too, marked, so that opening the dialog changes nothing by itself
     * @param groups   the host groups the caller may move the host to, its own included
     */
    HostSettingsDialog(HostAdministration administration, UUID hostId, String hostName, HostChange current,
            EditionCatalog editions, List<HostGroupSummary> groups, Runnable saved) {
        this.administration = administration;
        this.hostId = hostId;
        this.hostName = hostName;
        this.saved = saved;
        setHeaderTitle("Settings of " + hostName);
        List<String> names = new ArrayList<>(editions.editionNames());
        String recorded = current.edition() == null ? null : editions.canonicalName(current.edition()).orElse(current.edition());
        if (recorded != null && !names.contains(recorded)) {
            names.addFirst(recorded);
            edition.setHelperText("\"" + recorded + "\" is not in the editions table, so its licence is not checked; "
                    + "choose an edition from the table.");
        } else {
            edition.setHelperText("From the editions table. Clear it for a host without Windows (KVM, ESX…).");
        }
        edition.setItems(names);
        edition.setAllowCustomValue(false);
        edition.setClearButtonVisible(true);
        edition.setPlaceholder("None recorded");
        edition.setValue(recorded);
        licences.setMin(1);
        licences.setStepButtonsVisible(true);
        licences.setHelperText("Windows Server licences bought for this host (Standard editions stack).");
        licences.setValue(current.licenceCount());
        if (!administration.mayLicense(hostId)) {
            // A courtesy: the service refuses a changed edition or licence count without licensing.manage.
            String why = "Your roles do not include licensing.manage on this host.";
            edition.setEnabled(false);
            edition.setHelperText(why);
            licences.setEnabled(false);
            licences.setHelperText(why);
        }
        cluster.setPlaceholder("none");
        cluster.setValue(current.cluster() == null ? "" : current.cluster());
        group.setItems(groups);
        group.setItemLabelGenerator(HostGroupSummary::path);
        groups.stream().filter(g -> g.id().equals(current.hostGroupId())).findFirst().ifPresent(group::setValue);
        group.setRequiredIndicatorVisible(true);
        error.addClassName("corral-form-error");
        FormLayout form = new FormLayout(edition, licences, cluster, group);
        form.setColspan(edition, 2);
        add(form, error);
        Button save = new Button("Save", click -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", click -> close()), save);
        setWidth("40rem");
    }

    private void save() {
        fields().values().forEach(f -> f.setInvalid(false));
        error.setText("");
        if (group.getValue() == null) {
            group.setErrorMessage("Choose the host group the host belongs to.");
            group.setInvalid(true);
            return;
        }
        try {
            administration.change(hostId, new HostChange(group.getValue().id(), edition.getValue(), licences.getValue(),
                    cluster.getValue()));
            Notification.show("Saved the settings of " + hostName + ".", 4000,
                    Notification.Position.BOTTOM_END).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            close();
            saved.run();
        } catch (InvalidInputException e) {
            HasValidation field = fields().get(e.field());
            if (field == null) {
                error.setText(e.getMessage());
            } else {
                field.setErrorMessage(e.getMessage());
                field.setInvalid(true);
            }
        } catch (NotPermittedException | NotFoundException e) {
            error.setText(e.getMessage());
        }
    }

    private Map<String, HasValidation> fields() {
        return Map.of("edition", edition, "licenceCount", licences, "cluster", cluster, "hostGroupId", group);
    }
}
