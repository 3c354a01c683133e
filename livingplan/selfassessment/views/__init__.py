"""The self-assessment's pages: rounds and rating (`rounds`), results and the action plan (`results`)."""
