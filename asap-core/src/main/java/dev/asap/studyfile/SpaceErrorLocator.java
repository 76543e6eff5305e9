package dev.asap.studyfile;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Finds where in the {@code space:} section a space error belongs. Space errors name the parameter at
 * fault ({@code parameter 'lr': ...}) or spell out a cycle ({@code cycle: a -> b -> a}); when the message
 * also quotes one of that parameter's keys or {@code when} parents, the blame narrows to that key.
 */
final class SpaceErrorLocator {
  private static final Pattern PARAMETER = Pattern.compile("parameter '([^']*)'");
  private static final Pattern CYCLE = Pattern.compile("cycle: ([^;]+)");
  private static final Pattern QUOTED = Pattern.compile("'([^']*)'");

  private SpaceErrorLocator() {}

  static Node locate(NodeTuple spaceEntry, String message) {
    String name = null;
    List<String> mentioned = new ArrayList<>();
    Matcher p = PARAMETER.matcher(message);
    Matcher c = CYCLE.matcher(message);
    if (p.find()) {
      name = p.group(1);
      Matcher q = QUOTED.matcher(message).region(p.end(), message.length());
      while (q.find()) {
        mentioned.add(q.group(1));
      }
    } else if (c.find()) {
      String[] loop = c.group(1).trim().split(" -> ");
      name = loop[0];
      mentioned.add(loop[1]); // the parent whose condition closes the loop
    }
    if (name == null || !(spaceEntry.getValueNode() instanceof MappingNode space)) {
      return spaceEntry.getKeyNode();
    }
    NodeTuple entry = find(space, name);
    if (entry == null) {
      return spaceEntry.getKeyNode();
    }
    if (entry.getValueNode() instanceof MappingNode def) {
      NodeTuple when = find(def, "when");
      MappingNode parents = when != null && when.getValueNode() instanceof MappingNode w ? w : null;
      for (String m : mentioned) {
        NodeTuple key = find(def, m);
        if (key == null && parents != null) {
          key = find(parents, m);
        }
        if (key != null) {
          return key.getKeyNode();
        }
      }
      NodeTuple self = parents == null ? null : find(parents, name);
      if (self != null && message.contains("itself")) {
        return self.getKeyNode();
      }
    }
    return entry.getKeyNode();
  }

  private static NodeTuple find(MappingNode mapping, String key) {
    for (NodeTuple t : mapping.getValue()) {
      if (t.getKeyNode() instanceof ScalarNode s && s.getValue().equals(key)) {
        return t;
      }
    }
    return null;
  }
}
