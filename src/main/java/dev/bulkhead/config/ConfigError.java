package dev.bulkhead.config;

/**
 * One problem found in a stack's configuration: where it is (a key path such as
 * {@code bulkhead:projects[1].namespaces[0]}, or a file for problems reading it) and what is wrong and valid there.
 * Where they are known, the line of the stack file and the name of the project it concerns are added to the
 * message; the path itself stays the indexed key path.
 *
 * @param project the name of the project at {@code bulkhead:projects[i]}, or {@code null}
 * @param line    the line in the stack file (1-based), or 0 where unknown (the engine's config has no lines)
 */
public record ConfigError(String path, String message, String project, int line) {

    private static final String PROJECTS = ProjectsSection.KEY + "[";

    public ConfigError(String path, String message) {
        this(path, message, null, 0);
    }

    ConfigError at(int line) {
        return new ConfigError(path, message, project, line);
    }

    ConfigError inProject(String name) {
        return new ConfigError(path, message, name, line);
    }

    /** The path with the project's index replaced by its name: {@code bulkhead:projects[shop].namespaces[0]}. */
    public String displayPath() {
        if (project == null || !path.startsWith(PROJECTS)) {
            return path;
        }
        int close = path.indexOf(']');
        return PROJECTS + project + path.substring(close);
    }

    @Override
    public String toString() {
        return displayPath() + (line > 0 ? " (line " + line + ")" : "") + ": " + message;
    }
}
