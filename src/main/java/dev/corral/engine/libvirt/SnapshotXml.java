package dev.corral.engine.libvirt;

import dev.corral.engine.VmState;
import java.time.Instant;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Domain snapshot XML: built with just a name, read for the tree and the VM state it holds. */
final class SnapshotXml {

    /**
     * @param name        libvirt's name for the snapshot: its id, which never changes
     * @param displayName the name users see: the description Corral writes when a snapshot is
     *                    renamed, else libvirt's name
     */
    record Parsed(String name, String displayName, String parent, Instant createdAt, VmState vmState, int vcpus,
            long memoryMiB) {
    }

    private SnapshotXml() {
    }

    static String build(String name) {
        Document doc = Xml.newDocument("domainsnapshot");
        Xml.addText(doc.getDocumentElement(), "name", name);
        return Xml.write(doc);
    }

    /** The snapshot's full XML with its display name set, for redefining it in place. */
    static String renamed(String xml, String displayName) {
        Document doc = Xml.parse(xml);
        Element root = doc.getDocumentElement();
        Xml.elements(root, "description").forEach(root::removeChild);
        Element description = doc.createElement("description");
        description.setTextContent(displayName);
        root.insertBefore(description, root.getFirstChild());
        return Xml.write(doc);
    }

    static Parsed parse(String xml) {
        Element snapshot = Xml.parse(xml).getDocumentElement();
        String created = Xml.text(snapshot, "creationTime");
        String name = Xml.text(snapshot, "name");
        String description = Xml.textOrNull(snapshot, "description");
        return new Parsed(name, description == null || description.isBlank() ? name : description.strip(),
                Xml.textOrNull(snapshot, "parent/name"),
                created.isEmpty() ? null : Instant.ofEpochSecond(Long.parseLong(created)),
                DomainStates.ofName(Xml.text(snapshot, "state")), vcpus(snapshot), memoryMiB(snapshot));
    }

    /** The domain's configuration the snapshot recorded (0 when it recorded none). */
    private static int vcpus(Element snapshot) {
        String vcpu = Xml.textOrNull(snapshot, "domain/vcpu");
        return vcpu == null || vcpu.isBlank() ? 0 : Integer.parseInt(vcpu.strip());
    }

    private static long memoryMiB(Element snapshot) {
        List<Element> memory = Xml.elements(snapshot, "domain/memory");
        return memory.isEmpty() ? 0 : DomainXml.memoryMiB(memory.getFirst());
    }
}
