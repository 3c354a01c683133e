from tests.personas import World


def test_outsider_practitioner_gets_404_on_alexs_record(world: World, client_for) -> None:
    response = client_for("omar").get(f"/people/{world.alex_record.pk}/")
    assert response.status_code == 404
