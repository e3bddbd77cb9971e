default_app_config = "marketplace.apps.dashboard.dashboard.orders.apps.OrdersDashboardConfig"
