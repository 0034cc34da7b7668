"""The container's authentication part: tokens, sign-in, API keys, rate limits."""

from __future__ import annotations

from dependency_injector import providers

from adapters.auth import JwtCodec, Sha256ApiKeys
from entrypoints.http.rate_limiting import RateLimits
from entrypoints.runtime.container.core import CoreProviders
from entrypoints.runtime.keys import token_settings
from entrypoints.runtime.policies import token_lifetimes
from entrypoints.runtime.resources import (
    open_rate_limiter,
    open_recent_sign_ins,
    rate_limited_cache_read,
)
from paycore.use_cases import (
    Authenticate,
    CreateApiKey,
    DisableMerchant,
    KeyIssuer,
    ListApiKeys,
    RefreshSession,
    RegisterMerchant,
    RevokeApiKey,
    RotateApiKey,
    SignIn,
    TokenIssuer,
)

# The base's providers, by name (a class body does not see its bases' names).
core = CoreProviders


class AuthProviders(CoreProviders):
    api_keys = providers.Singleton(Sha256ApiKeys)
    token_codec = providers.Singleton(
        JwtCodec, providers.Callable(token_settings, core.keyed_settings)
    )
    token_issuer = providers.Singleton(
        TokenIssuer,
        codec=token_codec,
        clock=core.clock,
        ids=core.ids,
        lifetimes=providers.Callable(token_lifetimes, core.settings),
    )
    key_issuer = providers.Singleton(KeyIssuer, keys=api_keys, ids=core.ids)
    register_merchant = providers.Singleton(
        RegisterMerchant, uow=core.unit_of_work, issuer=key_issuer, clock=core.clock, ids=core.ids
    )
    sign_in = providers.Singleton(
        SignIn,
        uow=core.unit_of_work,
        keys=api_keys,
        issuer=token_issuer,
        ids=core.ids,
        clock=core.clock,
    )
    recent_sign_ins = providers.Resource(open_recent_sign_ins, core.settings)
    refresh_session = providers.Singleton(
        RefreshSession,
        recent=recent_sign_ins,
        uow=core.unit_of_work,
        uses=core.refresh_token_uses,
        codec=token_codec,
        issuer=token_issuer,
        clock=core.clock,
    )
    authenticate = providers.Singleton(
        Authenticate,
        uow=core.unit_of_work,
        codec=token_codec,
        clock=core.clock,
        recent=recent_sign_ins,
    )

    # A merchant's keys (the HTTP API and the operator's CLI); revocations reach every
    # process's memory of signed-in logins at once.
    create_api_key = providers.Singleton(
        CreateApiKey, uow=core.unit_of_work, issuer=key_issuer, clock=core.clock
    )
    list_api_keys = providers.Singleton(ListApiKeys, uow=core.unit_of_work, clock=core.clock)
    revoke_api_key = providers.Singleton(
        RevokeApiKey, uow=core.unit_of_work, clock=core.clock, recent=recent_sign_ins
    )
    rotate_api_key = providers.Singleton(
        RotateApiKey,
        uow=core.unit_of_work,
        issuer=key_issuer,
        clock=core.clock,
        recent=recent_sign_ins,
    )
    disable_merchant = providers.Singleton(
        DisableMerchant, uow=core.unit_of_work, clock=core.clock, recent=recent_sign_ins
    )

    rate_limiter = providers.Resource(open_rate_limiter, core.settings)
    rate_limits = providers.Singleton(
        RateLimits,
        limiter=rate_limiter,
        payments=core.settings.provided.rate_limit,
        auth=core.settings.provided.auth_rate_limit,
        cached_read=providers.Singleton(
            rate_limited_cache_read, core.settings, core.cache, rate_limiter, core.metrics
        ),
    )
