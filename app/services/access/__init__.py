"""Who works in Dealdesk and what they may do: users, administrators' rights (roles come here)."""
