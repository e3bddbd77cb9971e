default_app_config = "marketplace.apps.dashboard.apps.DashboardConfig"
