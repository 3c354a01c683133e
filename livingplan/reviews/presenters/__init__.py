"""What the reviews pages show, built from rows read through `visible_to`; templates stay logic-free."""
