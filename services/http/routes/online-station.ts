import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  messageAccepted, pressBody, publicCaseView, publicMessageBody, trackParams, trackQuery,
} from '../../../contracts/online-station.js';
import type { OnlineMessages } from '../../online-station/messages.js';
import type { Tracking } from '../../online-station/tracking.js';
import { problemResponses } from '../problem.js';
import { PUBLIC_BODY_LIMIT, publicRouteConfig, publicSecurity } from '../public-routes.js';

const tags = ['online station'];

/**
 * The online station's matters, without sign-in: leave a message, follow
 * it by its tracking code and phone digits, press it once a day.
 */
export const onlineStationRoutes: FastifyPluginAsync<{ messages: OnlineMessages; tracking: Tracking }> = async (plain, { messages, tracking }) => {
  const app = plain.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/api/public/messages',
    {
      config: publicRouteConfig(app, 'write'),
      bodyLimit: PUBLIC_BODY_LIMIT,
      schema: { tags, ...publicSecurity, body: publicMessageBody, response: { 201: messageAccepted, ...problemResponses } },
    },
    async (request, reply) => {
      const receipt = await messages.post(request.body, request.ip, new Date().toISOString());
      if (receipt.position >= 0) app.readModels.noteWrite(receipt.position);
      const { trackingCode, stationName, receivedAt, replyDueBy, repeated } = receipt;
      reply.header('location', `/api/public/track/${trackingCode}`);
      return reply.code(201).send({ trackingCode, stationName, receivedAt, replyDueBy, repeated });
    },
  );

  app.get(
    '/api/public/track/:trackingCode',
    {
      config: publicRouteConfig(app, 'track'),
      schema: { tags, ...publicSecurity, params: trackParams, querystring: trackQuery, response: { 200: publicCaseView, ...problemResponses } },
    },
    async (request) => {
      const now = new Date().toISOString();
      const state = await tracking.find(request.params.trackingCode, request.query.phone4);
      return tracking.view(state, now);
    },
  );

  app.post(
    '/api/public/track/:trackingCode/press',
    {
      // Counted as a lookup too: pressing is another way to test a code.
      config: publicRouteConfig(app, 'track'),
      bodyLimit: PUBLIC_BODY_LIMIT,
      schema: {
        tags, ...publicSecurity, params: trackParams, querystring: trackQuery, body: pressBody.nullish(),
        response: { 200: publicCaseView.extend({ position: z.number().int() }), ...problemResponses },
      },
    },
    async (request) => {
      const now = new Date().toISOString();
      const state = await tracking.find(request.params.trackingCode, request.query.phone4);
      const result = await tracking.press(state, request.body?.comment, now);
      app.readModels.noteWrite(result.position);
      return { ...(await tracking.view(result.state, now)), position: result.position };
    },
  );
};
