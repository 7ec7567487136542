package dev.bulkhead.model;

import java.util.List;

/**
 * What an app may do in AWS, through its own IAM role handed out by EKS Pod Identity: managed policies by ARN,
 * statements of its own, or both.
 */
public record AwsAccessSpec(List<String> policyArns, List<AwsStatement> statements) {

    public AwsAccessSpec {
        policyArns = List.copyOf(policyArns);
        statements = List.copyOf(statements);
        if (policyArns.isEmpty() && statements.isEmpty()) {
            throw new IllegalArgumentException("aws needs policyArns or statements; without either the role "
                    + "could do nothing");
        }
    }
}
