package dev.bulkhead.cost;

/**
 * One priced item of a plan: who it belongs to ({@link CostEstimate#PLATFORM} or a project), what it is, how many
 * units, the price of one unit per {@code period} ({@code hour} or {@code month}), and what that comes to per month.
 */
public record CostLine(String owner, String item, double quantity, String unit, double unitPrice, String period,
                       double monthly) {
}
