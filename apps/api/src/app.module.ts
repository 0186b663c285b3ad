import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { EVENT_STORE } from '@crm/event-store';
import { AuthController } from './auth/auth.controller';
import { AuthGuard } from './auth/auth.guard';
import { Authenticator } from './auth/authenticator';
import { TOKEN_SERVICE } from './auth/auth.tokens';
import { TokenService } from './auth/token.service';
import { UserDirectory } from './auth/user-directory';
import { StreamChanges } from './infrastructure/stream-changes';
import { DemoUserSeeder } from './auth/demo-user.seeder';
import { SignInLog } from './auth/sign-in.events';
import { SignInThrottle } from './auth/sign-in-throttle';
import { CalendarController } from './calendar/calendar.controller';
import { CalendarService } from './calendar/calendar.service';
import { HealthController } from './health/health.controller';
import { DomainErrorFilter } from './http/domain-error.filter';
import { zodValidationPipe } from './http/validation.pipe';
import { CLOCK } from './infrastructure/clock';
import { featureModules } from './features';
import { AppendMetrics } from './metrics/append-metrics';
import { METRICS } from './metrics/metrics.port';
import { PromMetrics } from './metrics/prom.metrics';
import { API_RUNTIME, TRANSPORT_LIMITS, transportLimitsOf, type ApiRuntime } from './runtime';

/** Shared ports (store, clock, runtime, token service) are global so feature modules can inject them by token. */
@Global()
@Module({})
export class AppModule {
  static forRoot(runtime: ApiRuntime): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [CqrsModule.forRoot(), ...featureModules(runtime)],
      controllers: [HealthController, AuthController, CalendarController],
      providers: [
        { provide: API_RUNTIME, useValue: runtime },
        { provide: TRANSPORT_LIMITS, useValue: transportLimitsOf(runtime) },
        { provide: EVENT_STORE, useValue: runtime.store },
        { provide: CLOCK, useValue: runtime.clock },
        { provide: METRICS, useFactory: () => new PromMetrics() },
        AppendMetrics,
        StreamChanges,
        {
          provide: TOKEN_SERVICE,
          useFactory: () => new TokenService(runtime.authSecret, runtime.tokenTtlSeconds, () => runtime.clock.now()),
        },
        UserDirectory,
        Authenticator,
        SignInLog,
        { provide: SignInThrottle, useFactory: () => new SignInThrottle(() => runtime.clock.now()) },
        CalendarService,
        DemoUserSeeder,
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: DomainErrorFilter },
        { provide: APP_PIPE, useFactory: zodValidationPipe },
      ],
      exports: [API_RUNTIME, TRANSPORT_LIMITS, EVENT_STORE, CLOCK, METRICS, TOKEN_SERVICE, StreamChanges, UserDirectory, Authenticator, SignInThrottle, CalendarService],
    };
  }
}
