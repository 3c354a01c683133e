"""What each self-assessment page shows, built here so templates stay free of logic."""
