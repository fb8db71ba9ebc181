"""Tunnels: links from a stage of one pipeline to a stage of another. A deal that reaches the
source stage is copied into the target stage (a new, linked deal) or moved there, in the same
transaction as the move that brought it. Loops are refused when a tunnel is saved."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import (
    Pipeline,
    Stage,
    StageTunnel,
    TunnelMode,
    deal_copy,
)
from app.services.access.permissions import require_admin
from app.services.core.context import ServiceContext
from app.services.core.errors import ENTITY_NAMES, MSG_NOT_FOUND, NotFoundError, ValidationError
from app.services.core.i18n import QT_TRANSLATE_NOOP
from app.services.core.records import check_version, flush_or_conflict

CHUNK = 500
MSG_ADMIN = QT_TRANSLATE_NOOP("errors", "Changing tunnels needs the right to manage settings.")


@dataclass(frozen=True, slots=True)
class TunnelInfo:
    id: int
    source_pipeline_id: int
    source_stage_id: int
    target_pipeline_id: int
    target_stage_id: int
    mode: TunnelMode
    version: int


class TunnelService:
    def __init__(self, context: ServiceContext) -> None:
        self._ctx = context

    def list(self) -> list[TunnelInfo]:
        with self._ctx.read() as session:
            return [_info(session, t) for t in session.scalars(select(StageTunnel).order_by(StageTunnel.id))]

    def add(
        self, source_stage_id: int, target_stage_id: int, mode: TunnelMode = TunnelMode.COPY
    ) -> TunnelInfo:
        with self._ctx.write() as uow:
            session = uow.session
            require_admin(session, self._ctx.actor_id, MSG_ADMIN)
            source = _stage(session, source_stage_id)
            target = _stage(session, target_stage_id)
            mode = TunnelMode(mode)
            if source.pipeline_id == target.pipeline_id:
                raise ValidationError.single(
                    "target_stage_id",
                    QT_TRANSLATE_NOOP("errors", "A tunnel leads to a stage of another pipeline."),
                )
            existing = session.scalars(
                select(StageTunnel).where(StageTunnel.source_stage_id == source.id)
            ).all()
            if any(t.target_stage_id == target.id for t in existing):
                raise ValidationError.single(
                    "target_stage_id",
                    QT_TRANSLATE_NOOP("errors", "There is a tunnel from '{source}' to '{target}' already."),
                    source=source.name,
                    target=target.name,
                )
            _check_mode(source, mode, list(existing))
            _check_loop(session, source, target)
            tunnel = StageTunnel(source_stage_id=source.id, target_stage_id=target.id, mode=mode)
            session.add(tunnel)
            session.flush()
            uow.history.created("tunnel", tunnel.id, tunnel.version, f"{source.name} -> {target.name}")
            uow.emit("pipeline.updated", [source.pipeline_id, target.pipeline_id], {"tunnels"})
            return _info(session, tunnel)

    def set_mode(self, tunnel_id: int, expected_version: int, mode: TunnelMode) -> TunnelInfo:
        with self._ctx.write() as uow:
            session = uow.session
            require_admin(session, self._ctx.actor_id, MSG_ADMIN)
            tunnel = _tunnel(session, tunnel_id)
            check_version(session, "tunnel", tunnel, expected_version, str(tunnel.id))
            mode = TunnelMode(mode)
            if mode is not tunnel.mode:
                source = _stage(session, tunnel.source_stage_id)
                others = session.scalars(
                    select(StageTunnel).where(
                        StageTunnel.source_stage_id == source.id, StageTunnel.id != tunnel.id
                    )
                ).all()
                _check_mode(source, mode, list(others))
                old, tunnel.mode = tunnel.mode, mode
                flush_or_conflict(session, "tunnel", str(tunnel.id))
                uow.history.changed("tunnel", tunnel.id, tunnel.version, {"mode": (old, mode)})
                uow.emit("pipeline.updated", [source.pipeline_id], {"tunnels"})
            return _info(session, tunnel)

    def delete(self, tunnel_id: int, expected_version: int) -> None:
        with self._ctx.write() as uow:
            session = uow.session
            require_admin(session, self._ctx.actor_id, MSG_ADMIN)
            tunnel = _tunnel(session, tunnel_id)
            check_version(session, "tunnel", tunnel, expected_version, str(tunnel.id))
            source = _stage(session, tunnel.source_stage_id)
            uow.history.deleted("tunnel", tunnel.id, tunnel.version + 1, None)
            session.delete(tunnel)
            flush_or_conflict(session, "tunnel", str(tunnel.id))
            uow.emit("pipeline.updated", [source.pipeline_id], {"tunnels"})

    def copies(self, deal_id: int) -> tuple[int | None, Sequence[int]]:
        """The deal this one was copied from (or None), and the deals copied from it."""
        with self._ctx.read() as session:
            source = session.scalar(select(deal_copy.c.source_deal_id).where(deal_copy.c.deal_id == deal_id))
            copies = session.scalars(
                select(deal_copy.c.deal_id)
                .where(deal_copy.c.source_deal_id == deal_id)
                .order_by(deal_copy.c.deal_id)
            ).all()
            return source, list(copies)


# -- checks -----------------------------------------------------------------------------------------


def _check_mode(source: Stage, mode: TunnelMode, others: list[StageTunnel]) -> None:
    if mode is TunnelMode.MOVE and any(t.mode is TunnelMode.MOVE for t in others):
        raise ValidationError.single(
            "mode",
            QT_TRANSLATE_NOOP(
                "errors", "Deals in '{stage}' can move on through one tunnel only; the others copy them."
            ),
            stage=source.name,
        )


def _check_loop(session: Session, source: Stage, target: Stage) -> None:
    """Refuse a tunnel whose target leads back, through other tunnels, to its source."""
    edges: dict[int, list[int]] = {}
    for from_id, to_id in session.execute(select(StageTunnel.source_stage_id, StageTunnel.target_stage_id)):
        edges.setdefault(from_id, []).append(to_id)
    seen: set[int] = set()
    todo = [target.id]
    while todo:
        current = todo.pop()
        if current == source.id:
            pipelines = {
                p.id: p.name
                for p in session.scalars(
                    select(Pipeline).where(Pipeline.id.in_([source.pipeline_id, target.pipeline_id]))
                )
            }
            raise ValidationError.single(
                "target_stage_id",
                QT_TRANSLATE_NOOP(
                    "errors",
                    "Deals would go round in circles: tunnels lead from '{target}' back to '{source}'.",
                ),
                target=f"{pipelines.get(target.pipeline_id, '')}: {target.name}",
                source=f"{pipelines.get(source.pipeline_id, '')}: {source.name}",
            )
        if current in seen:
            continue
        seen.add(current)
        todo.extend(edges.get(current, ()))


def _stage(session: Session, stage_id: int) -> Stage:
    stage = session.get(Stage, stage_id)
    if stage is None:
        raise NotFoundError(MSG_NOT_FOUND, entity=ENTITY_NAMES["stage"], id=stage_id)
    return stage


def _tunnel(session: Session, tunnel_id: int) -> StageTunnel:
    tunnel = session.get(StageTunnel, tunnel_id)
    if tunnel is None:
        raise NotFoundError(MSG_NOT_FOUND, entity=ENTITY_NAMES["tunnel"], id=tunnel_id)
    return tunnel


def _info(session: Session, tunnel: StageTunnel) -> TunnelInfo:
    source = _stage(session, tunnel.source_stage_id)
    target = _stage(session, tunnel.target_stage_id)
    return TunnelInfo(
        tunnel.id, source.pipeline_id, source.id, target.pipeline_id, target.id, tunnel.mode, tunnel.version
    )
