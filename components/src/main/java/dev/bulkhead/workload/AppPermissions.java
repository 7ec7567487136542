package dev.bulkhead.workload;

import com.google.gson.GsonBuilder;
import dev.bulkhead.model.AwsStatement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The inline IAM policy of an app's role: one Allow statement per configured statement, in config order. */
public final class AppPermissions {

    private AppPermissions() {
    }

    public static String document(List<AwsStatement> statements) {
        if (statements.isEmpty()) {
            throw new IllegalArgumentException("an inline policy needs at least one statement");
        }
        List<Object> written = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            Map<String, Object> statement = new LinkedHashMap<>();
            statement.put("Sid", "App" + i);
            statement.put("Effect", "Allow");
            statement.put("Action", statements.get(i).actions());
            statement.put("Resource", statements.get(i).resources());
            written.add(statement);
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("Version", "2012-10-17");
        document.put("Statement", written);
        return new GsonBuilder().disableHtmlEscaping().create().toJson(document);
    }
}
