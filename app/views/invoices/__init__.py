"""Invoices on screen: the Invoices area and a deal's Invoices tab."""
