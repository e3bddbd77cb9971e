default_app_config = "marketplace.apps.payment.apps.PaymentConfig"
