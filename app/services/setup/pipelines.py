"""Pipelines and their stages: reading them for every view, and basic editing."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import AppSetting, Deal, Pipeline, Stage, StageSemantic, utcnow
from app.services.access.permissions import require_admin
from app.services.core.context import ServiceContext
from app.services.core.errors import ValidationError
from app.services.core.i18n import QT_TRANSLATE_NOOP
from app.services.core.records import apply_values, check_version, flush_or_conflict, load
from app.services.core.validation import Problems, clean_text, is_color
from app.services.core.vocabulary import FIELD_LABELS
from app.services.deals.writes import relocate
from app.services.setup.defaults import MINIMAL_STAGES

MSG_ADMIN = QT_TRANSLATE_NOOP(
    "errors", "Changing pipelines and their stages needs the right to manage settings."
)
MAX_IDLE_DAYS = 3650
UNCHANGED = object()


@dataclass(frozen=True, slots=True)
class StageInfo:
    id: int
    pipeline_id: int
    name: str
    sort: int
    color: str
    semantic: StageSemantic
    probability: int
    version: int
    idle_days: int | None = None

    @property
    def is_closed(self) -> bool:
        return self.semantic is not StageSemantic.IN_PROGRESS

    @property
    def is_lost(self) -> bool:
        return self.semantic is StageSemantic.LOST


@dataclass(frozen=True, slots=True)
class PipelineInfo:
    id: int
    name: str
    sort: int
    is_default: bool
    stages: tuple[StageInfo, ...]
    version: int

    def stage(self, stage_id: int) -> StageInfo | None:
        return next((s for s in self.stages if s.id == stage_id), None)


class PipelineService:
    def __init__(self, context: ServiceContext) -> None:
        self._ctx = context

    def list(self) -> list[PipelineInfo]:
        """Every pipeline with its stages, default pipeline first."""
        with self._ctx.read() as session:
            stages: dict[int, list[StageInfo]] = {}
            for s in session.scalars(select(Stage).order_by(Stage.pipeline_id, Stage.sort, Stage.id)):
                stages.setdefault(s.pipeline_id, []).append(_stage_info(s))
            return [
                PipelineInfo(p.id, p.name, p.sort, p.is_default, tuple(stages.get(p.id, ())), p.version)
                for p in session.scalars(
                    select(Pipeline).order_by(Pipeline.is_default.desc(), Pipeline.sort, Pipeline.id)
                )
            ]

    def find_pipeline(self, name_or_id: str) -> PipelineInfo:
        """A pipeline by ID or by name (case-insensitive)."""
        text = name_or_id.strip()
        pipelines = self.list()
        match = [p for p in pipelines if str(p.id) == text or p.name.casefold() == text.casefold()]
        if not match:
            raise ValidationError.single(
                "pipeline_id",
                QT_TRANSLATE_NOOP("errors", "There is no pipeline '{pipeline}' (there are: {names})."),
                pipeline=text,
                names=", ".join(p.name for p in pipelines),
            )
        return match[0]

    def find_stage(self, name_or_id: str, pipeline_id: int | None = None) -> StageInfo:
        """A stage by ID or by name (case-insensitive); names must be unambiguous."""
        candidates = [s for p in self.list() if pipeline_id is None or p.id == pipeline_id for s in p.stages]
        text = name_or_id.strip()
        if text.isdigit():
            match = [s for s in candidates if s.id == int(text)]
        else:
            match = [s for s in candidates if s.name.casefold() == text.casefold()]
        if len(match) == 1:
            return match[0]
        if not match:
            raise ValidationError.single(
                "stage_id", QT_TRANSLATE_NOOP("errors", "There is no stage '{stage}'."), stage=text
            )
        raise ValidationError.single(
            "stage_id",
            QT_TRANSLATE_NOOP("errors", "'{stage}' names a stage in several pipelines; give the stage ID."),
            stage=text,
        )

    def create_pipeline(self, name: str) -> PipelineInfo:
        """A new pipeline with the three stages every pipeline needs: New, Won and Lost."""
        with self._ctx.write() as uow:
            require_admin(uow.session, self._ctx.actor_id, MSG_ADMIN)
            clean = _clean_name(name)
            sort = (uow.session.scalar(select(func.max(Pipeline.sort))) or 0) + 10
            pipeline = Pipeline(name=clean, sort=sort, is_default=False)
            language = uow.session.scalar(select(AppSetting.value).where(AppSetting.key == "language"))
            pipeline.stages = [
                Stage(
                    name=spec.names.get(language or "en", spec.names["en"]),
                    sort=(index + 1) * 10,
                    color=spec.color,
                    semantic=spec.semantic,
                    probability=spec.probability,
                )
                for index, spec in enumerate(MINIMAL_STAGES)
            ]
            uow.session.add(pipeline)
            uow.session.flush()
            uow.history.created("pipeline", pipeline.id, pipeline.version, pipeline.name)
            uow.emit("pipeline.created", [pipeline.id])
            return _pipeline_info(uow.session, pipeline)

    def rename_pipeline(self, pipeline_id: int, expected_version: int, name: str) -> PipelineInfo:
        with self._ctx.write() as uow:
            require_admin(uow.session, self._ctx.actor_id, MSG_ADMIN)
            pipeline = load(uow.session, Pipeline, "pipeline", pipeline_id)
            check_version(uow.session, "pipeline", pipeline, expected_version, pipeline.name)
            clean = _clean_name(name)
            if clean != pipeline.name:
                old, pipeline.name = pipeline.name, clean
                flush_or_conflict(uow.session, "pipeline", clean)
                uow.history.changed("pipeline", pipeline.id, pipeline.version, {"name": (old, clean)})
                uow.emit("pipeline.updated", [pipeline.id], {"name"})
            return _pipeline_info(uow.session, pipeline)

    def add_stage(
        self,
        pipeline_id: int,
        name: str,
        *,
        color: str = "#39A8EF",
        semantic: StageSemantic = StageSemantic.IN_PROGRESS,
        probability: int = 50,
    ) -> StageInfo:
        """Add a stage; an in-progress stage goes before the closing (Won/Lost) stages."""
        with self._ctx.write() as uow:
            session = uow.session
            require_admin(uow.session, self._ctx.actor_id, MSG_ADMIN)
            pipeline = load(session, Pipeline, "pipeline", pipeline_id)
            problems = Problems()
            clean = clean_text(problems, "name", FIELD_LABELS["name"], name, required=True, max_length=200)
            if not is_color(color):
                problems.add("color", QT_TRANSLATE_NOOP("errors", "A colour looks like #39A8EF."))
            if not 0 <= probability <= 100:
                problems.add("probability", QT_TRANSLATE_NOOP("errors", "Probability must be from 0 to 100."))
            problems.raise_if_any()
            if semantic is StageSemantic.WON and any(
                s.semantic is StageSemantic.WON for s in pipeline.stages
            ):
                raise ValidationError.single(
                    "semantic", QT_TRANSLATE_NOOP("errors", "A pipeline has exactly one success stage.")
                )
            ordered = list(pipeline.stages)
            position = len(ordered)
            if semantic is StageSemantic.IN_PROGRESS:
                position = next((i for i, s in enumerate(ordered) if s.is_closed), len(ordered))
            stage = Stage(
                pipeline_id=pipeline.id,
                name=clean,
                sort=0,
                color=color.upper(),
                semantic=semantic,
                probability=probability,
            )
            ordered.insert(position, stage)
            for index, each in enumerate(ordered):  # a pipeline has a handful of stages
                each.sort = (index + 1) * 10
            session.add(stage)
            session.flush()
            uow.history.created("stage", stage.id, stage.version, stage.name)
            uow.emit("pipeline.updated", [pipeline.id], {"stages"})
            return _stage_info(stage)

    def update_stage(
        self,
        stage_id: int,
        expected_version: int,
        *,
        name: str | None = None,
        color: str | None = None,
        probability: int | None = None,
        idle_days: int | object | None = UNCHANGED,
    ) -> StageInfo:
        """Rename, recolour or re-weight a stage, or set after how many idle days its deals are
        stale (None: never). Its semantic and place are changed elsewhere."""
        with self._ctx.write() as uow:
            require_admin(uow.session, self._ctx.actor_id, MSG_ADMIN)
            stage = load(uow.session, Stage, "stage", stage_id)
            check_version(uow.session, "stage", stage, expected_version, stage.name)
            problems = Problems()
            values: dict[str, object] = {}
            if name is not None:
                values["name"] = clean_text(
                    problems, "name", FIELD_LABELS["name"], name, required=True, max_length=200
                )
            if color is not None:
                if not is_color(color):
                    problems.add("color", QT_TRANSLATE_NOOP("errors", "A colour looks like #39A8EF."))
                values["color"] = color.upper()
            if probability is not None:
                if not 0 <= probability <= 100:
                    problems.add(
                        "probability", QT_TRANSLATE_NOOP("errors", "Probability must be from 0 to 100.")
                    )
                values["probability"] = probability
            if idle_days is not UNCHANGED:
                if idle_days is not None and (
                    not isinstance(idle_days, int) or not 1 <= idle_days <= MAX_IDLE_DAYS
                ):
                    problems.add(
                        "idle_days",
                        QT_TRANSLATE_NOOP("errors", "Idle days are a whole number from 1 to {max}, or none."),
                        max=MAX_IDLE_DAYS,
                    )
                values["idle_days"] = idle_days
            problems.raise_if_any()
            diff = apply_values(stage, values)
            if diff:
                flush_or_conflict(uow.session, "stage", stage.name)
                uow.history.changed("stage", stage.id, stage.version, diff)
                uow.emit("pipeline.updated", [stage.pipeline_id], {"stages"})
            return _stage_info(stage)

    def delete_stage(self, stage_id: int, expected_version: int, *, move_to: int | None = None) -> None:
        """Delete a stage; its deals first go to `move_to` (another stage of the pipeline). A pipeline
        keeps its success stage, one failure stage and one stage in progress."""
        with self._ctx.write() as uow:
            session = uow.session
            require_admin(session, self._ctx.actor_id, MSG_ADMIN)
            stage = load(session, Stage, "stage", stage_id)
            check_version(session, "stage", stage, expected_version, stage.name)
            deals = (
                session.scalar(select(func.count()).select_from(Deal).where(Deal.stage_id == stage.id)) or 0
            )
            if deals and move_to is not None:
                target = load(session, Stage, "stage", move_to)
                if target.pipeline_id != stage.pipeline_id or target.id == stage.id:
                    raise ValidationError.single(
                        "move_to",
                        QT_TRANSLATE_NOOP(
                            "errors", "Choose another stage of the same pipeline for its deals."
                        ),
                    )
                moved = list(session.scalars(select(Deal.id).where(Deal.stage_id == stage.id)))
                relocate(uow, Deal.stage_id == stage.id, target, utcnow(), None)
                uow.emit("deal.stage_changed", moved, {"stage_id"})
                deals = 0
            if deals:
                raise ValidationError.single(
                    "stage_id",
                    QT_TRANSLATE_NOOP(
                        "errors",
                        "Stage '{stage}' still holds {count} deals; move them to another stage first.",
                    ),
                    stage=stage.name,
                    count=deals,
                )
            siblings = session.scalars(
                select(Stage.semantic).where(Stage.pipeline_id == stage.pipeline_id, Stage.id != stage.id)
            ).all()
            if stage.semantic is not StageSemantic.IN_PROGRESS and stage.semantic not in siblings:
                raise ValidationError.single(
                    "stage_id",
                    QT_TRANSLATE_NOOP(
                        "errors", "A pipeline needs a success stage and at least one failure stage."
                    ),
                )
            if StageSemantic.IN_PROGRESS not in siblings and stage.semantic is StageSemantic.IN_PROGRESS:
                raise ValidationError.single(
                    "stage_id",
                    QT_TRANSLATE_NOOP("errors", "A pipeline needs at least one stage in progress."),
                )
            uow.history.deleted("stage", stage.id, stage.version + 1, stage.name)
            session.delete(stage)
            flush_or_conflict(session, "stage", stage.name)
            uow.emit("pipeline.updated", [stage.pipeline_id], {"stages"})

    def delete_pipeline(
        self, pipeline_id: int, expected_version: int, *, move_to_stage: int | None = None
    ) -> None:
        """Delete a pipeline; its deals first go to `move_to_stage` (a stage of another pipeline).
        The default pipeline stays."""
        with self._ctx.write() as uow:
            session = uow.session
            require_admin(session, self._ctx.actor_id, MSG_ADMIN)
            pipeline = load(session, Pipeline, "pipeline", pipeline_id)
            check_version(session, "pipeline", pipeline, expected_version, pipeline.name)
            if pipeline.is_default:
                raise ValidationError.single(
                    "pipeline_id", QT_TRANSLATE_NOOP("errors", "The default pipeline can't be deleted.")
                )
            deals = (
                session.scalar(select(func.count()).select_from(Deal).where(Deal.pipeline_id == pipeline.id))
                or 0
            )
            if deals and move_to_stage is not None:
                target = load(session, Stage, "stage", move_to_stage)
                if target.pipeline_id == pipeline.id:
                    raise ValidationError.single(
                        "move_to",
                        QT_TRANSLATE_NOOP("errors", "Choose a stage of another pipeline for its deals."),
                    )
                moved = list(session.scalars(select(Deal.id).where(Deal.pipeline_id == pipeline.id)))
                relocate(uow, Deal.pipeline_id == pipeline.id, target, utcnow(), None)
                uow.emit("deal.stage_changed", moved, {"pipeline_id", "stage_id"})
                deals = 0
            if deals:
                raise ValidationError.single(
                    "pipeline_id",
                    QT_TRANSLATE_NOOP(
                        "errors", "Pipeline '{pipeline}' still holds {count} deals; move them first."
                    ),
                    pipeline=pipeline.name,
                    count=deals,
                )
            uow.history.deleted("pipeline", pipeline.id, pipeline.version + 1, pipeline.name)
            session.delete(pipeline)
            flush_or_conflict(session, "pipeline", pipeline.name)
            uow.emit("pipeline.deleted", [pipeline_id])

    def reorder_stages(self, pipeline_id: int, stage_ids: Sequence[int]) -> PipelineInfo:
        """Put the pipeline's stages in progress in this order; Won and Lost stay at the end."""
        with self._ctx.write() as uow:
            session = uow.session
            require_admin(
                session,
                self._ctx.actor_id,
                QT_TRANSLATE_NOOP(
                    "errors", "Changing the order of the stages needs the right to manage settings."
                ),
            )
            pipeline = load(session, Pipeline, "pipeline", pipeline_id)
            in_progress = [s for s in pipeline.stages if not s.is_closed]
            if sorted(stage_ids) != sorted(s.id for s in in_progress):
                raise ValidationError.single(
                    "stage_id",
                    QT_TRANSLATE_NOOP(
                        "errors", "Only stages in progress can be moved, and only within their pipeline."
                    ),
                )
            by_id = {s.id: s for s in pipeline.stages}
            ordered = [by_id[i] for i in stage_ids] + [s for s in pipeline.stages if s.is_closed]
            before = [s.id for s in pipeline.stages]
            for index, stage in enumerate(ordered):
                stage.sort = (index + 1) * 10
            session.flush()
            if before != [s.id for s in ordered]:
                uow.history.changed(
                    "pipeline",
                    pipeline.id,
                    pipeline.version,
                    {"stage_order": (before, [s.id for s in ordered])},
                )
                uow.emit("pipeline.updated", [pipeline.id], {"stages"})
            return _pipeline_info(session, pipeline)

    def reorder_pipelines(self, pipeline_ids: Sequence[int]) -> Sequence[PipelineInfo]:
        """Put the pipelines in this order (the default one stays first in lists)."""
        with self._ctx.write() as uow:
            session = uow.session
            require_admin(session, self._ctx.actor_id, MSG_ADMIN)
            pipelines = {p.id: p for p in session.scalars(select(Pipeline))}
            if sorted(pipeline_ids) != sorted(pipelines):
                raise ValidationError.single(
                    "pipeline_id", QT_TRANSLATE_NOOP("errors", "Give every pipeline once to reorder them.")
                )
            changed = []
            for index, pipeline_id in enumerate(pipeline_ids):
                pipeline = pipelines[pipeline_id]
                if pipeline.sort != (index + 1) * 10:
                    pipeline.sort = (index + 1) * 10
                    changed.append(pipeline_id)
            session.flush()
            if changed:
                uow.emit("pipeline.updated", changed, {"sort"})
        return self.list()

    def stage_deal_counts(self, pipeline_id: int) -> dict[int, int]:
        with self._ctx.read() as session:
            rows = session.execute(
                select(Deal.stage_id, func.count())
                .where(Deal.pipeline_id == pipeline_id)
                .group_by(Deal.stage_id)
            )
            return dict(rows.all())


def _clean_name(name: str) -> str:
    problems = Problems()
    clean = clean_text(problems, "name", FIELD_LABELS["name"], name, required=True, max_length=200)
    problems.raise_if_any()
    assert clean is not None
    return clean


def _stage_info(s: Stage) -> StageInfo:
    return StageInfo(
        s.id, s.pipeline_id, s.name, s.sort, s.color, s.semantic, s.probability, s.version, s.idle_days
    )


def _pipeline_info(session: Session, p: Pipeline) -> PipelineInfo:
    session.refresh(p, ["stages"])
    return PipelineInfo(
        p.id, p.name, p.sort, p.is_default, tuple(_stage_info(s) for s in p.stages), p.version
    )
