"""The automation engine's ways out: e-mail over SMTP (SMS gateways follow), no Qt, no database."""
