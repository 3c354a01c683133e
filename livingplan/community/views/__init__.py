"""The community pages, thin: check the rule, load through `visible_to` where a person is named,
call one service, redirect; presenters build what the templates show."""
