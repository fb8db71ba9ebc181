"""The Tasks area."""
