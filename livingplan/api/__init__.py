"""The JSON API at /api/v1/: people, their plan, outcomes, actions and the one-page profile."""
