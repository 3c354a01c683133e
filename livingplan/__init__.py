"""Living Plan: one living, co-produced care and support plan per person."""
