"""What each budget page shows, built from rows read through `visible_to(viewer)`."""
