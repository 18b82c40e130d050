package fitlab.config;

import fitlab.UserError;
import fitlab.config.yaml.Location;
import fitlab.config.yaml.YamlNode;

/** Sets a dotted key path ({@code model.degree}) in a YAML tree, creating intermediate mappings. */
final class TreePaths {
    private TreePaths() {}

    static YamlNode.Mapping set(YamlNode.Mapping root, String path, YamlNode value, Location at) {
        if (path.isBlank() || path.startsWith(".") || path.endsWith(".") || path.contains("..")) {
            throw new UserError(at + ": '" + path + "' is not a key path like model.degree");
        }
        int dot = path.indexOf('.');
        if (dot < 0) {
            return root.with(path, at, value);
        }
        String head = path.substring(0, dot);
        YamlNode child = root.get(head);
        YamlNode.Mapping childMap;
        if (child == null || child instanceof YamlNode.Scalar s && s.isNull()) {
            childMap = YamlNode.Mapping.empty(at);
        } else if (child instanceof YamlNode.Mapping m) {
            childMap = m;
        } else {
            throw new UserError(at + ": cannot set '" + path + "': '" + head + "' is not a section");
        }
        return root.with(head, at, set(childMap, path.substring(dot + 1), value, at));
    }

    /** The same node with every location replaced by {@code at} (for values that came from the command line). */
    static YamlNode relocate(YamlNode node, Location at) {
        if (node instanceof YamlNode.Scalar s) {
            return new YamlNode.Scalar(s.text(), s.type(), at);
        } else if (node instanceof YamlNode.Sequence q) {
            return new YamlNode.Sequence(q.items().stream().map(i -> relocate(i, at)).toList(), at);
        }
        YamlNode.Mapping m = (YamlNode.Mapping) node;
        var entries = new java.util.LinkedHashMap<String, YamlNode.Entry>();
        m.entries().forEach((k, e) -> entries.put(k, new YamlNode.Entry(k, at, relocate(e.value(), at))));
        return new YamlNode.Mapping(entries, at);
    }
}
