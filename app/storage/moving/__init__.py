"""Moving an office's database: a file onto a server and back, copied whole and checked."""
