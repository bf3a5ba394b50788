"""The learned flow signal of the local engine (issue 20), cross-validated with a floor.

Each fold of tests/eval/forms.jsonl is scored by a model trained on the engine's
shipped data without that fold. Measured: the blend with the cues 98.4 % (98.6 % before
stop 18 moved one case's expected flow, 98.1 % before stop 24 read two mortgage advisers'
callbacks as sales leads), the model alone 82.9 % (84.2 % before stop 24: its data still
books those two, and the folds reshuffled); on the blind batch written before the model,
36/36 (the cues alone: 32/36). A floor a few points under each: a regression gate.
"""

from __future__ import annotations

from app.services.llm.local_flow_model import CUE_WEIGHT, DATA
from app.services.llm.local_forms import generate_form
from tests.eval import run


def test_the_cross_validated_flow_accuracy_stays_above_its_floor():
    cv = run.cross_validated_flow()
    assert cv["blend"] >= 0.95
    assert cv["model"] >= 0.80


def test_the_shipped_weight_is_within_one_case_of_the_best_cross_validated_blend():
    # Stop 18: with forms.jsonl's allotment waiting list moved to direct_route (decided after
    # the classifier, by local_waiting_place) the folds reshuffled, and a weight of 6 scores
    # one case more (98.4 % against 98.1 %) but moves ten live drafts to worse flows (a free
    # swim pass to support, a brochure request to booking). The shipped weight stays; a
    # weight that beats it by more than one case means the cues or the data drifted.
    one_case = 1 / len(run.load("forms.jsonl"))
    smaller = run.cross_validated_flow(weight=CUE_WEIGHT - 1)["blend"]
    chosen = run.cross_validated_flow(weight=CUE_WEIGHT)["blend"]
    larger = run.cross_validated_flow(weight=CUE_WEIGHT * 4)["blend"]
    assert smaller <= chosen and larger - chosen <= one_case + 1e-9


def test_the_blind_batch_keeps_its_flows():
    right, total = run.blind_flow()
    assert total >= 30 and right / total >= 0.9


def test_a_plain_enquiry_without_any_cue_gets_the_flow_the_model_reads():
    # No hand cue fires on any of these; the cues alone route them to direct_route.
    assert (
        generate_form("Vets practice: let pet owners pick a day and time for a vaccination visit")[
            "flow_id"
        ]
        == "booking_request"
    )
    config = generate_form(
        "Customers whose e-bike battery stopped charging tell us the frame number"
    )
    assert config["flow_id"] == "support_triage"
    assert config["type"] == "support"


def test_the_runtime_reads_its_own_data_not_the_tests():
    assert "tests" not in DATA.parts
    assert DATA.is_file()
