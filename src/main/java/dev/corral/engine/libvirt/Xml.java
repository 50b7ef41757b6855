package dev.corral.engine.libvirt;

import dev.corral.engine.EngineException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/** DOM building and XPath reading for libvirt's XML; values are always escaped by the DOM, never spliced in. */
final class Xml {

    /** Corral's own facts inside libvirt's {@code <metadata>}. */
    static final String NS = "https://corral.dev/xmlns/libvirt/1";
    static final String PREFIX = "corral";

    private static final NamespaceContext NAMESPACES = new NamespaceContext() {
        @Override
        public String getNamespaceURI(String prefix) {
            return "c".equals(prefix) ? NS : XMLConstants.NULL_NS_URI;
        }

        @Override
        public String getPrefix(String namespaceUri) {
            return NS.equals(namespaceUri) ? "c" : null;
        }

        @Override
        public Iterator<String> getPrefixes(String namespaceUri) {
            return List.of("c").iterator();
        }
    };

    private Xml() {
    }

    static Document newDocument(String rootName) {
        Document doc = builder().newDocument();
        doc.appendChild(doc.createElement(rootName));
        return doc;
    }

    static Document parse(String xml) {
        try {
            return builder().parse(new InputSource(new StringReader(xml)));
        } catch (SAXException | java.io.IOException e) {
            throw new EngineException.Failed("libvirt returned XML Corral cannot read: " + e.getMessage(), e);
        }
    }

    static String write(Document doc) {
        try {
            Transformer transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            transformer.setOutputProperty(OutputKeys.INDENT, "yes");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(doc), new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException("Cannot serialize XML", e);
        }
    }

    /** Appends an element in no namespace, with attributes given as name/value pairs (null values skipped). */
    static Element add(Node parent, String name, String... attributes) {
        Document doc = parent instanceof Document d ? d : parent.getOwnerDocument();
        Element element = doc.createElement(name);
        setAttributes(element, attributes);
        parent.appendChild(element);
        return element;
    }

    static Element addText(Node parent, String name, String text, String... attributes) {
        Element element = add(parent, name, attributes);
        element.setTextContent(text);
        return element;
    }

    /** Appends an element of Corral's metadata namespace. */
    static Element addCorral(Node parent, String localName, String... attributes) {
        Document doc = parent instanceof Document d ? d : parent.getOwnerDocument();
        Element element = doc.createElementNS(NS, PREFIX + ":" + localName);
        setAttributes(element, attributes);
        parent.appendChild(element);
        return element;
    }

    private static void setAttributes(Element element, String... attributes) {
        for (int i = 0; i + 1 < attributes.length; i += 2) {
            if (attributes[i + 1] != null) {
                element.setAttribute(attributes[i], attributes[i + 1]);
            }
        }
    }

    /** The string value of an XPath expression (prefix {@code c:} is Corral's namespace); "" if absent. */
    static String text(Node context, String expression) {
        try {
            return ((String) xpath().evaluate(expression, context, XPathConstants.STRING)).strip();
        } catch (XPathExpressionException e) {
            throw new IllegalArgumentException(expression, e);
        }
    }

    static String textOrNull(Node context, String expression) {
        String text = text(context, expression);
        return text.isEmpty() ? null : text;
    }

    static List<Element> elements(Node context, String expression) {
        try {
            NodeList nodes = (NodeList) xpath().evaluate(expression, context, XPathConstants.NODESET);
            List<Element> result = new ArrayList<>(nodes.getLength());
            for (int i = 0; i < nodes.getLength(); i++) {
                result.add((Element) nodes.item(i));
            }
            return result;
        } catch (XPathExpressionException e) {
            throw new IllegalArgumentException(expression, e);
        }
    }

    static Element element(Node context, String expression) {
        List<Element> found = elements(context, expression);
        return found.isEmpty() ? null : found.get(0);
    }

    static String attributeOrNull(Element element, String name) {
        return element != null && element.hasAttribute(name) ? element.getAttribute(name) : null;
    }

    private static XPath xpath() {
        XPath xpath = XPathFactory.newInstance().newXPath();
        xpath.setNamespaceContext(NAMESPACES);
        return xpath;
    }

    private static DocumentBuilder builder() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("No usable XML parser", e);
        }
    }
}
