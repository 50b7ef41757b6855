package dev.corral.engine.libvirt;

import dev.corral.engine.VmState;
import java.time.Instant;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Domain snapshot XML: built with just a name, read for the tree and the VM state it holds. */
final class SnapshotXml {

    record Parsed(String name, String parent, Instant createdAt, VmState vmState) {
    }

    private SnapshotXml() {
    }

    static String build(String name) {
        Document doc = Xml.newDocument("domainsnapshot");
        Xml.addText(doc.getDocumentElement(), "name", name);
        return Xml.write(doc);
    }

    static Parsed parse(String xml) {
        Element snapshot = Xml.parse(xml).getDocumentElement();
        String created = Xml.text(snapshot, "creationTime");
        return new Parsed(Xml.text(snapshot, "name"), Xml.textOrNull(snapshot, "parent/name"),
                created.isEmpty() ? null : Instant.ofEpochSecond(Long.parseLong(created)),
                DomainStates.ofName(Xml.text(snapshot, "state")));
    }
}
