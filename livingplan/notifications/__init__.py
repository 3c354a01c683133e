"""Telling people things: an outbox of messages sent by the task worker through one small interface.

Callers use `queue(...)` inside the transaction of the change that causes the message.
"""
