"""The services' core: context and units of work, errors, events, history, validation, records."""
