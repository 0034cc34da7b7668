from tests.unit.deploy.promql import metric_family, metric_names


def test_a_bare_selector_is_its_metric() -> None:
    assert metric_names("paygate_pending_payments") == {"paygate_pending_payments"}


def test_functions_aggregations_and_label_lists_are_not_metrics() -> None:
    expr = (
        "histogram_quantile(0.95, sum by (le, outcome) "
        "(rate(paygate_bank_request_duration_seconds_bucket[$__rate_interval])))"
    )
    assert metric_names(expr) == {"paygate_bank_request_duration_seconds_bucket"}


def test_label_matchers_and_their_values_are_not_metrics() -> None:
    expr = 'sum(rate(paygate_http_requests_total{status=~"5..", route!="x_total"}[5m]))'
    assert metric_names(expr) == {"paygate_http_requests_total"}


def test_both_sides_of_a_binary_operation_are_read() -> None:
    expr = "sum(rate(a_total{result='hit'}[1m])) / on(job) group_left sum(rate(b_total[1m])) > 1e3"
    assert metric_names(expr) == {"a_total", "b_total"}


def test_a_histogram_series_belongs_to_its_family() -> None:
    assert metric_family("x_seconds_bucket") == "x_seconds"
    assert metric_family("x_seconds_sum") == "x_seconds"
    assert metric_family("x_seconds_count") == "x_seconds"
    assert metric_family("x_total") == "x_total"
