package fitlab.config;

import fitlab.config.yaml.Location;
import fitlab.config.yaml.YamlNode;
import java.util.List;

/** One swept setting: a key path and the values it takes, in the order written. */
public record SweepAxis(String path, List<YamlNode> values, Location location) {
    public SweepAxis {
        values = List.copyOf(values);
    }

    /** The last path segment ({@code degree} for {@code model.degree}), used in cell ids. */
    public String shortName() {
        return path.substring(path.lastIndexOf('.') + 1);
    }
}
