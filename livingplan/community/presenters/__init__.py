"""What the community pages show. `directory` holds no personal data; `links` and `pack` read a
person's rows only through `visible_to(viewer)`."""
